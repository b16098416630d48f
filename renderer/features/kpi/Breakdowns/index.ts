export { Breakdowns } from './Breakdowns';
