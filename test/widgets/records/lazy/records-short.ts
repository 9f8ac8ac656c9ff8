import { staticSource } from '../../../../src/data/index.js';
import '../../../../src/records.js';
import { PLAIN_MAX } from '../../../../src/widgets/records/records-threshold.js';

/** As many records as plain rows take: a page of its own, so that every module it fetches is in its resource timings. */
const rows = Array.from({ length: PLAIN_MAX }, (_, i) => ({ id: `r${i}`, name: `Record ${i + 1}`, amount: i }));
document.querySelector('crm-records')!.source = staticSource({ r: rows });
