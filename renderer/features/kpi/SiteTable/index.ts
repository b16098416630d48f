export { SiteTable } from './SiteTable';
