export { TemplateEditor } from './TemplateEditor';
