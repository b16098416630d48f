export { SiteValuesNote } from './SiteValuesNote';
