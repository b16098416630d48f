export { HostCard } from './HostCard';
