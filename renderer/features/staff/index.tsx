import { useCallback, useEffect, useState } from 'react';
import type { StaffMember, StaffRole } from '../../../shared/contract/till';
import { call } from '../../api';
import { useT, type StringKey } from '../../i18n';
import { useManagerApproval } from './ManagerPinDialog';
import { ModalForm, errorText } from './Modal';
import { onlyDigits } from './PinPad';
import './staff.css';
import { ErrorAlert, FormActions } from '../../components/FormParts';

type Editing = { kind: 'add' } | { kind: 'edit'; member: StaffMember } | { kind: 'pin'; member: StaffMember };

/** The staff screen (#/staff): list, add, edit, (de)activate, change PIN, each with a manager's approval. */
export default function StaffScreen() {
  const t = useT();
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const approval = useManagerApproval();

  const load = useCallback(async () => {
    try {
      setStaff(await call('staff.list', { includeInactive: true }));
    } catch (err) {
      setError(errorText(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (title: string, action: (a: { staffId: number; pin: string }) => Promise<StaffMember>, done: StringKey) => {
    setError(null);
    setNotice(null);
    const a = await approval.ask(title);
    if (!a) return false;
    try {
      const member = await action(a);
      setNotice(t(done, { name: member.name }));
      setEditing(null);
      await load();
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    }
  };

  return (
    <div className="stack staff-screen">
      <div className="row">
        <h1>{t('till.staff.title')}</h1>
        <button type="button" className="primary" onClick={() => setEditing({ kind: 'add' })}>
          {t('till.staff.add')}
        </button>
      </div>
      <p className="muted">{t('till.staff.explain')}</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorAlert error={error} />
      <table aria-label={t('till.staff.title')}>
        <thead>
          <tr>
            <th>{t('till.staff.name')}</th>
            <th>{t('till.staff.role')}</th>
            <th>{t('till.staff.status')}</th>
            <th>{t('till.cart.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {staff?.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td>
              <td>{t(m.role === 'manager' ? 'till.role.manager' : 'till.role.cashier')}</td>
              <td>{m.active ? <span className="badge ok">{t('common.active')}</span> : <span className="badge">{t('common.inactive')}</span>}</td>
              <td>
                <div className="row-actions">
                <button type="button" onClick={() => setEditing({ kind: 'edit', member: m })} aria-label={t('till.staff.editOf', { name: m.name })}>
                  {t('common.edit')}
                </button>
                <button type="button" onClick={() => setEditing({ kind: 'pin', member: m })} aria-label={t('till.staff.pinOf', { name: m.name })}>
                  {t('till.staff.changePin')}
                </button>
                <button
                  type="button"
                  className={m.active ? 'danger' : undefined}
                  onClick={() =>
                    void run(
                      t(m.active ? 'till.staff.deactivateTitle' : 'till.staff.activateTitle', { name: m.name }),
                      (a) => call('staff.update', { id: m.id, active: !m.active, approval: a }),
                      'till.staff.saved',
                    )
                  }
                  aria-label={t(m.active ? 'till.staff.deactivateOf' : 'till.staff.activateOf', { name: m.name })}
                >
                  {m.active ? t('till.staff.deactivate') : t('till.staff.activate')}
                </button>
              </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing?.kind === 'add' && (
        <StaffForm
          title={t('till.staff.add')}
          withPin
          onClose={() => setEditing(null)}
          onSubmit={(v) => run(t('till.staff.add'), (a) => call('staff.create', { name: v.name, role: v.role, pin: v.pin, approval: a }), 'till.staff.created')}
        />
      )}
      {editing?.kind === 'edit' && (
        <StaffForm
          title={t('till.staff.editOf', { name: editing.member.name })}
          initial={editing.member}
          onClose={() => setEditing(null)}
          onSubmit={(v) => run(t('till.staff.editOf', { name: editing.member.name }), (a) => call('staff.update', { id: editing.member.id, name: v.name, role: v.role, approval: a }), 'till.staff.saved')}
        />
      )}
      {editing?.kind === 'pin' && (
        <StaffForm
          title={t('till.staff.pinOf', { name: editing.member.name })}
          initial={editing.member}
          onlyPin
          withPin
          onClose={() => setEditing(null)}
          onSubmit={(v) => run(t('till.staff.pinOf', { name: editing.member.name }), (a) => call('staff.update', { id: editing.member.id, pin: v.pin, approval: a }), 'till.staff.saved')}
        />
      )}
      {approval.dialog}
    </div>
  );
}

function StaffForm({
  title,
  initial,
  withPin,
  onlyPin,
  onSubmit,
  onClose,
}: {
  title: string;
  initial?: StaffMember;
  withPin?: boolean;
  onlyPin?: boolean;
  onSubmit(v: { name: string; role: StaffRole; pin: string }): Promise<boolean>;
  onClose(): void;
}) {
  const t = useT();
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState<StaffRole>(initial?.role ?? 'cashier');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!onlyPin && !name.trim()) return setError(t('till.staff.needName'));
    if (withPin && pin.length < 4) return setError(t('till.pin.tooShort'));
    if (withPin && pin !== pin2) return setError(t('till.first.mismatch'));
    setError(null);
    await onSubmit({ name: name.trim(), role, pin });
  };
  return (
    <ModalForm title={title} onClose={onClose} onSubmit={() => void submit()}>
      {!onlyPin && (
        <>
          <label>
            {t('till.staff.name')}
            <input data-autofocus value={name} onChange={(e) => setName(e.target.value)} maxLength={60} aria-label={t('till.staff.name')} />
          </label>
          <label>
            {t('till.staff.role')}
            <select value={role} onChange={(e) => setRole(e.target.value as StaffRole)} aria-label={t('till.staff.role')}>
              <option value="cashier">{t('till.role.cashier')}</option>
              <option value="manager">{t('till.role.manager')}</option>
            </select>
          </label>
        </>
      )}
      {withPin && (
        <>
          <label>
            {t('till.staff.newPin')}
            <input data-autofocus={onlyPin ? true : undefined} type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(onlyDigits(e.target.value))} aria-label={t('till.staff.newPin')} />
          </label>
          <label>
            {t('till.first.pinAgain')}
            <input type="password" inputMode="numeric" value={pin2} onChange={(e) => setPin2(onlyDigits(e.target.value))} aria-label={t('till.first.pinAgain')} />
          </label>
        </>
      )}
      <FormActions error={error} submitLabel={t('common.save')} onCancel={onClose} />
    </ModalForm>
  );
}
