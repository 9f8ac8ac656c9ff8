import { type ValueFormat, formatValue } from '../../format/number-format.js';
import type { FunnelMessages } from './funnel-messages.js';
import { resolveFormat } from '../../format/resolve-format.js';
import type { FunnelModel } from './funnel-model.js';

export type ConversionMode = 'step' | 'overall' | 'both';

export interface FunnelViewOptions {
  format: ValueFormat | undefined;
  currency: string | undefined;
  locale: string;
  conversion: ConversionMode;
  orientation: 'vertical' | 'horizontal';
  messages: FunnelMessages;
}

/** Everything one stage says, as text. */
export interface StageText {
  name: string;
  /** Written in full: on the chart when every stage's value fits so, in tooltips and the table. */
  fullValue: string;
  /** In compact notation (`1.8K`): the chart writes every stage so when a full value does not fit. */
  compactValue: string;
  /** The conversion line on the chart, as `conversion` asks; a shorter fallback where space is short. */
  conversion: string | null;
  conversionShort: string | null;
  increased: boolean;
  /** The mark's accessible name: every number of the stage in one sentence. */
  ariaLabel: string;
  tip: string[];
  step: string;
  overall: string;
  dropOff: string;
}

export interface FunnelView {
  stages: StageText[];
  /** End-to-end conversion for the header: "10% overall"; empty with fewer than two stages. */
  headline: string;
  summary: string;
}

/** The words and numbers of a funnel; the template only places them. */
export function funnelView(model: FunnelModel, label: string, o: FunnelViewOptions): FunnelView {
  const m = o.messages;
  const { format, currency } = resolveFormat(o.format, model.unit, o.currency);
  const full = (v: number | null) => formatValue(v, { format, currency, locale: o.locale });
  const short = (v: number | null) => formatValue(v, { format, currency, locale: o.locale, compact: true });
  // One rounding rule for every ratio the funnel writes (chart, header, tooltip, table): the same
  // conversion never reads 21.4 % in one place and 21 % in another.
  const pct = (r: number | null) => (r === null ? m.notAvailable : formatValue(r, { format: 'percent', locale: o.locale }));
  const arrow = o.orientation === 'vertical' ? '↓' : '→';
  const names = model.stages.map((s, i) => s.name || `${m.stage} ${i + 1}`);

  const stages = model.stages.map((s, i): StageText => {
    const c = s.conversion;
    const first = i === 0;
    const stepText = first ? null : `${c.increased ? '▲' : arrow} ${pct(c.step)}`;
    const overallText = first ? null : `${pct(c.overall)} ${m.overall}`;
    const conversion = o.conversion === 'step' ? stepText : o.conversion === 'overall' ? overallText : stepText && `${stepText} · ${overallText}`;
    const dropOff = c.dropOff === null ? '' : c.increased ? `+${full(-c.dropOff)} (${m.increased})` : m.droppedOff(full(c.dropOff));
    const facts = first ? [] : [m.stepOf(pct(c.step), names[i - 1]!), `${pct(c.overall)} ${m.overall}`, dropOff].filter(Boolean);
    return {
      name: names[i]!,
      fullValue: full(c.value),
      compactValue: short(c.value),
      conversion,
      conversionShort: o.conversion === 'both' ? stepText : conversion,
      increased: c.increased,
      ariaLabel: [`${names[i]}: ${full(c.value)}`, ...facts].join(', '),
      tip: [full(c.value), ...facts.map((f) => (c.increased && f === dropOff ? `⚠ ${f}` : f))],
      step: first ? '' : pct(c.step),
      overall: pct(c.overall),
      dropOff: c.dropOff === null ? '' : full(c.dropOff),
    };
  });

  const last = model.stages.length - 1;
  const end = last > 0 ? model.stages[last]!.conversion.overall : null;
  const headline = last > 0 ? `${pct(end)} ${m.overall}` : '';
  const summary =
    last >= 0
      ? m.funnelSummary(label, stages.length, `${names[0]} (${stages[0]!.fullValue})`, `${names[last]} (${stages[last]!.fullValue})`, pct(last > 0 ? end : model.stages[0]!.conversion.overall))
      : label;
  return { stages, headline, summary };
}
