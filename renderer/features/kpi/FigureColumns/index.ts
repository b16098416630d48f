export { FigureColumns } from './FigureColumns';
