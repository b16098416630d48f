import { AppFrame } from '../AppFrame';
import { Routes } from '../routes';
import { useRoute } from '../router';

export function App() {
  const { path } = useRoute();
  return (
    <AppFrame>
      <Routes path={path} />
    </AppFrame>
  );
}
