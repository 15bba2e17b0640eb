import { useCallback, useEffect, useState } from 'react';
import { usePagedList } from '../../components/Pager';
import type { Producer } from '../../../shared/contract/catalogue';
import { call } from '../../api';
import { useT } from '../../i18n';
import { ProducerList } from './ProducerList';
import { ProducerForm } from './ProducerForm';
import { ProducerDetail } from './ProducerDetail';
import { errorText, exportCatalogue } from './util';
import './catalogue.css';
import { ErrorAlert } from '../../components/FormParts';
import { AssignAllBarcodes } from '../labels/AssignAllBarcodes';

/** The catalogue: producers (search, create, edit, deactivate), their products and effective-dated terms. */
export default function CatalogueScreen() {
  const t = useT();
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const { page, rows, setOffset } = usePagedList('producers.list', { ...(search.trim() ? { search: search.trim() } : {}), includeInactive }, {
    reloadKey,
    onError: (err) => setError(errorText(err)),
  });
  const load = useCallback(() => setReloadKey((k) => k + 1), []);

  const [selected, setSelected] = useState<Producer | null>(null);
  useEffect(() => {
    if (selectedId === null) return setSelected(null);
    void call('producers.get', { id: selectedId }).then(setSelected, (err) => setError(errorText(err)));
  }, [selectedId]);

  return (
    <div className="catalogue-screen">
      <div className="row spread">
        <h1>{t('catalogue.title')}</h1>
        <div className="row">
          <AssignAllBarcodes onAssigned={load} />
          <button type="button" onClick={() => void exportCatalogue().catch((err) => setError(errorText(err)))}>
            {t('catalogue.exportCsv')}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      <div className="catalogue-layout">
        <ProducerList
          producers={rows ?? []}
          page={page}
          onOffset={setOffset}
          selectedId={selectedId}
          search={search}
          includeInactive={includeInactive}
          onSearch={setSearch}
          onIncludeInactive={setIncludeInactive}
          onSelect={(id) => {
            setCreating(false);
            setSelectedId(id);
          }}
          onNew={() => {
            setCreating(true);
            setSelectedId(null);
          }}
        />
        <div className="catalogue-main">
          {creating ? (
            <ProducerForm
              producer={null}
              onSaved={async (p) => {
                setCreating(false);
                load();
                setSelectedId(p.id);
              }}
              onCancel={() => setCreating(false)}
            />
          ) : selected ? (
            <ProducerDetail
              key={selected.id}
              producer={selected}
              onProducerChanged={(p) => {
                setSelected(p);
                load();
              }}
            />
          ) : (
            <p className="panel muted">{t('catalogue.pickProducer')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
