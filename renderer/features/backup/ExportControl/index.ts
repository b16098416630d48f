export { ExportControl } from './ExportControl';
