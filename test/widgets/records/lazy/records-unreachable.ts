import { staticSource } from '../../../../src/data/index.js';
import '../../../../src/records.js';

/** 200 records: a long list, whose virtualizer this page cannot load. */
const rows = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, name: `Record ${i + 1}`, amount: i }));
document.querySelector('crm-records')!.source = staticSource({ r: rows });
