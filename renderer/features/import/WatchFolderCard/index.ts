export { WatchFolderCard } from './WatchFolderCard';
