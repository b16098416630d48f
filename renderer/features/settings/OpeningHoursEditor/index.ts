export { OpeningHoursEditor } from './OpeningHoursEditor';
