import { useState } from 'react';
import type { ShiftReport } from '../../../shared/contract/till';
import { useT } from '../../i18n';
import { ZReport } from '../../print/ZReport';
import { useSession } from '../staff/session';
import { OpenShiftForm } from './OpenShiftForm';
import { Register } from './Register';
import { SalesList } from './SalesList';
import { ShiftClose } from './ShiftClose';
import { OthersShift } from './OthersShift';
import { useStoreSettings } from '../../components/storeSettings';
import './sell.css';
import { LowStockTile } from '../insight/LowStock';

type View = 'register' | 'sales' | 'close';

/** The till (#/sell): open a shift, sell, list and correct the shift's sales, close the shift. */
export default function SellScreen() {
  const t = useT();
  const session = useSession();
  const settings = useStoreSettings();
  const [view, setView] = useState<View>('register');
  const [zReport, setZReport] = useState<ShiftReport | null>(null);
  if (!settings) return <p className="loading">{t('app.loading')}</p>;
  if (zReport)
    return (
      <div className="stack">
        <h1>{t('till.close.done')}</h1>
        <ZReport
          report={zReport}
          paper={settings.receiptWidth}
          timeZone={settings.timeZone}
          storeName={settings.storeName}
          autoPrint
          actions={
            <button type="button" autoFocus onClick={() => setZReport(null)}>
              {t('till.close.finish')}
            </button>
          }
        />
      </div>
    );
  const shift = session.openShift;
  // Where the manager lands: a tile with the products low on stock (issue #17); it never stands in the way of the till.
  const tile = session.staff.role === 'manager' ? <LowStockTile /> : null;
  if (!shift)
    return (
      <>
        {tile}
        <OpenShiftForm />
      </>
    );
  // Someone else's shift: nobody sells on it but its cashier; it can only be closed (with its count).
  if (shift.cashierId !== session.staff.id && view !== 'close')
    return (
      <>
        {tile}
        <OthersShift shift={shift} settings={settings} onClose={() => setView('close')} />
      </>
    );
  if (view === 'sales') return <SalesList shift={shift} settings={settings} onBack={() => setView('register')} />;
  if (view === 'close')
    return (
      <ShiftClose
        shift={shift}
        settings={settings}
        onBack={() => setView('register')}
        onClosed={(report) => {
          setZReport(report);
          setView('register');
          void session.refreshShift();
        }}
      />
    );
  return <Register shift={shift} settings={settings} onOpenSales={() => setView('sales')} onCloseShift={() => setView('close')} />;
}
