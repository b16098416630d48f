export { PreviewPanel } from './PreviewPanel';
