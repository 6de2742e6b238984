import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// TanStack Query arrives with the views that use it (see query/lazyWithQueryClient.tsx).
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
