import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CustomerDisplay } from './features/sell/CustomerDisplay';
import { isCustomerDisplayUrl } from './features/sell/customerChannel';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* The customer display (a second window or tab) shows what the till broadcasts; it is not the app. */}
    {isCustomerDisplayUrl(window.location) ? <CustomerDisplay /> : <App />}
  </StrictMode>,
);
