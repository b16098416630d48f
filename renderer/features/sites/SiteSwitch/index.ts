export { SiteSwitch } from './SiteSwitch';
