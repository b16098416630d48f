export { SitePicker } from './SitePicker';
