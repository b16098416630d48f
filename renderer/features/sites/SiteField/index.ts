export { SiteField } from './SiteField';
