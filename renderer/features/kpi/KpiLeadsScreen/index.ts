export { KpiLeadsScreen } from './KpiLeadsScreen';
