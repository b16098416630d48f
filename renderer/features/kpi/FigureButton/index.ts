export { FigureButton } from './FigureButton';
