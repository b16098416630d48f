export { HolidaysEditor } from './HolidaysEditor';
