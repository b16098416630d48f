export { ColumnsMenu } from './ColumnsMenu';
