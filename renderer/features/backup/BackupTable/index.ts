export { BackupTable, formatSize } from './BackupTable';
