export { SiteBadge } from './SiteBadge';
