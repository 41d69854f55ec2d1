/**
 * The admin's service list as an ordinary form: one group of fields per service (its name and
 * one plain line in bokmål, nynorsk and English, whether it is a health service, where notices
 * go, and "remove"), and one empty group to add a service. Field names end in the row's number
 * (`label-nb.3`); a new service's id is made from its bokmål name.
 */
import * as v from 'valibot';
import { fieldId, SERVICE_LANGUAGES, type ServiceFieldError, type ServiceLanguage, type ServiceRow } from '../../../web/consent/records.ts';
import { MAX_SERVICES, Service, ServiceList } from './services.ts';

/** The rows a page shows for a saved list, plus the empty row for a new service. */
export function rowsOf(services: readonly Service[]): ServiceRow[] {
  const text = (value: Record<string, string>) => Object.fromEntries(SERVICE_LANGUAGES.map((lang) => [lang, value[lang] ?? ''])) as Record<ServiceLanguage, string>;
  const saved = services.map((service) => ({ id: service.id, label: text(service.label), explanation: text(service.explanation), health: service.health, notify: service.notify ?? '', remove: false }));
  return [...saved, emptyRow()];
}

const emptyRow = (): ServiceRow => ({ id: '', label: { nb: '', nn: '', en: '' }, explanation: { nb: '', nn: '', en: '' }, health: false, notify: '', remove: false });

/** Reads the rows back from a posted form; at most `limit` rows are read, whatever `rows` says. */
export function readRows(body: ReadonlyMap<string, string[]>, limit: number): ServiceRow[] {
  const count = Math.min(Math.max(0, Number(body.get('rows')?.[0]) || 0), limit);
  const field = (name: string, row: number) => (body.get(fieldId(name, row))?.[0] ?? '').trim();
  return Array.from({ length: count }, (_, row) => ({
    id: field('id', row),
    label: Object.fromEntries(SERVICE_LANGUAGES.map((lang) => [lang, field(`label-${lang}`, row)])) as Record<ServiceLanguage, string>,
    explanation: Object.fromEntries(SERVICE_LANGUAGES.map((lang) => [lang, field(`explanation-${lang}`, row)])) as Record<ServiceLanguage, string>,
    health: field('health', row) === 'yes',
    notify: field('notify', row),
    remove: field('remove', row) === 'yes',
  }));
}

const isBlank = (row: ServiceRow) => !row.id && SERVICE_LANGUAGES.every((lang) => !row.label[lang] && !row.explanation[lang]) && !row.notify;

/** An id from a bokmål name: lowercase letters and digits joined by dashes ("PP-tjenesten (PPT)" → "pp-tjenesten-ppt"). */
export function idFrom(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return /^[a-z]/.test(id) ? id : `service-${id}`.replace(/-+$/, '');
}

/**
 * The list the rows describe, or every problem with them. Removed rows and the empty new row
 * are left out; every kept row needs all six texts, and a notice address must be an e-mail.
 */
export function serviceListFrom(rows: readonly ServiceRow[]): { services: Service[] } | { errors: ServiceFieldError[] } {
  const errors: ServiceFieldError[] = [];
  const services: Service[] = [];
  const taken = new Set(rows.filter((row) => row.id).map((row) => row.id));
  rows.forEach((row, index) => {
    if (row.remove || isBlank(row)) return;
    for (const name of ['label', 'explanation'] as const) {
      for (const lang of SERVICE_LANGUAGES) if (!row[name][lang]) errors.push({ field: fieldId(`${name}-${lang}`, index), key: name, lang });
    }
    if (row.notify && !v.safeParse(Service.entries.notify, row.notify).success) errors.push({ field: fieldId('notify', index), key: 'notify' });
    let id = row.id;
    if (!id && row.label.nb) {
      const base = idFrom(row.label.nb);
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
    }
    const parsed = v.safeParse(Service, { id, health: row.health, label: row.label, explanation: row.explanation, ...(row.notify ? { notify: row.notify } : {}) });
    if (parsed.success) services.push(parsed.output);
  });
  if (errors.length) return { errors };
  const list = v.safeParse(ServiceList, services);
  if (list.success) return { services: list.output };
  const first = rows.findIndex((row) => !row.remove);
  if (services.length === 0) return { errors: [{ field: fieldId('label-nb', Math.max(0, first)), key: 'empty', lang: 'nb' }] };
  if (services.length > MAX_SERVICES) return { errors: [{ field: fieldId('label-nb', rows.length - 1), key: 'tooMany', lang: 'nb' }] };
  // Only a tampered form repeats a saved service's id.
  return { errors: [{ field: fieldId('label-nb', Math.max(0, first)), key: 'duplicate', lang: 'nb' }] };
}
