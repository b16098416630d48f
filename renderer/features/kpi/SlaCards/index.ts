export { SlaCards } from './SlaCards';
