export { siteCode } from './SiteCode';
