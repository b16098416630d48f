export { MappingEditor } from './MappingEditor';
