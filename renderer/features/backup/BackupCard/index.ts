export { BackupCard } from './BackupCard';
