export { SitesCard } from './SitesCard';
