import './trust.css';
import { ProducerView } from './ProducerView';
import { StoreView } from './StoreView';
import { useTrustRoute } from './useTrustRoute';

/** The trust ledger (buku kepercayaan): store-wide view, or one producer's. */
export default function TrustScreen() {
  const [route, go] = useTrustRoute();
  return route.producerId ? <ProducerView route={route} go={go} /> : <StoreView route={route} go={go} />;
}
