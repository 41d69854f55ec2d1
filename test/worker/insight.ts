/** Helpers for the user-insight tests: a municipality with units and a planner, and rounds made through the planner's page. */
import { env } from 'cloudflare:test';
import { expect } from 'vitest';
import { isoToday } from '../../worker/core/i18n/format.ts';
import { location, type Client } from './client.ts';
import { newMunicipality, type NewMunicipality } from './municipalities.ts';

export const PLANNER = 'planlegger@demo.medvirk.no';

/** A fresh municipality with two units, where the demo planner is planner and the demo staff member only staff. */
export async function insightMunicipality(options: NewMunicipality = {}) {
  const id = await newMunicipality({ members: [['demo-planlegger', 'planner'], ['demo-ansatt', 'staff']], ...options });
  await env.DB.batch([
    env.DB.prepare("INSERT INTO units (id, municipality_id, name, kind) VALUES (?, ?, 'Bakken skole', 'school'), (?, ?, 'Lia skole', 'school')").bind(`${id}-bakken`, id, `${id}-lia`, id),
  ]);
  return { id, units: [`${id}-bakken`, `${id}-lia`] };
}

export const day = (offset: number) => isoToday(new Date(Date.now() + offset * 86_400_000));

/** The fields of the new-round form, as a browser sends them (repeated names for groups, units and local questions). */
export function roundFields(values: { name?: string; opensOn?: string; closesOn?: string; groups?: string[]; units: string[]; local?: { text: string; textEn: string; options: string; optionsEn: string }[] }): [string, string][] {
  const { name = 'Runde', opensOn = day(-1), closesOn = day(30), groups = ['children'], units, local = [] } = values;
  return [
    ['name', name],
    ['opensOn', opensOn],
    ['closesOn', closesOn],
    ...groups.map((group): [string, string] => ['groups', group]),
    ...units.map((unit): [string, string] => ['units', unit]),
    ...local.flatMap((question): [string, string][] => [
      ['localText', question.text],
      ['localTextEn', question.textEn],
      ['localOptions', question.options],
      ['localOptionsEn', question.optionsEn],
    ]),
  ];
}

/** Makes a round through the page and returns its id. */
export async function createRound(planner: Client, municipality: string, fields: [string, string][]) {
  const response = await planner.post(`/staff/m/${municipality}/insight/rounds`, fields);
  expect(response.status, await response.clone().text()).toBe(303);
  return location(response).split('/').pop()!;
}

/** The open links of a round: code per unit and group. */
export const linksOf = async (round: string) =>
  (await env.DB.prepare('SELECT id, unit_id, "group", code FROM insight_links WHERE round_id = ? ORDER BY unit_id, "group"').bind(round).all<{ id: string; unit_id: string; group: string; code: string }>()).results;

export const closeRound = (round: string) => env.DB.prepare('UPDATE insight_rounds SET closed_at = ? WHERE id = ?').bind(Date.now(), round).run();

/** Stores answers as the open link would: unit, group (children), week and counted answers. */
export async function storeAnswers(round: string, unit: string, values: Record<string, string>[], week = '2026-W40') {
  await env.DB.batch(
    values.map((answer) =>
      env.DB.prepare('INSERT INTO insight_answers (id, round_id, unit_id, "group", week, form_id, form_version, answers) VALUES (?, ?, ?, \'children\', ?, \'innsikt-barn\', \'x\', ?)').bind(crypto.randomUUID(), round, unit, week, JSON.stringify(answer)),
    ),
  );
}

export const times = (count: number, answer: Record<string, string>) => Array.from({ length: count }, () => answer);
