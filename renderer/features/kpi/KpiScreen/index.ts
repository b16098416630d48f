export { KpiScreen } from './KpiScreen';
