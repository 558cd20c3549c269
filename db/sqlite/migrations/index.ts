// The ordered registry of migrations. Append only: a shipped migration is never edited.
import type { Migration } from '../migrate';
import { m0010 } from './0010-initial';
import { m0020 } from './0020-patients';
import { m0030 } from './0030-reception';
import { m0040 } from './0040-treatment';
import { m0050 } from './0050-reliability';
import { m0060 } from './0060-assessments';
import { m0080 } from './0080-audit-chain';
import { m0090 } from './0090-calendar-index';
import { m0100 } from './0100-follow-up-contacts';
import { m0110 } from './0110-adverse-events';
import { m0120 } from './0120-outcome-index';
import { m0150 } from './0150-outcomes-treated';
import { m0160 } from './0160-search-lists-indexes';
import { m0170 } from './0170-lists-indexes';
import { m0180 } from './0180-outcomes-facts';
import { m0190 } from './0190-procedure-indexes';
import { m0210 } from './0210-outcome-values';
import { m0240 } from './0240-follow-up-points';
import { m0250 } from './0250-list-indexes';
import { m0260 } from './0260-search-fold';
import { m0270 } from './0270-clinic-numbers';
import { m0280 } from './0280-import-staging';
import { m0290 } from './0290-inquiry-country-name';
import { m0300 } from './0300-inquiry-due-today';
import { m0310 } from './0310-inquiry-funnel';
import { m0320 } from './0320-inquiry-country-status';
import { m0330 } from './0330-outcome-groups';

export const migrations: readonly Migration[] = [
  m0010,
  m0020,
  m0030,
  m0040,
  m0050,
  m0060,
  m0080,
  m0090,
  m0100,
  m0110,
  m0120,
  m0150,
  m0160,
  m0170,
  m0180,
  m0190,
  m0210,
  m0240,
  m0250,
  m0260,
  m0270,
  m0280,
  m0290,
  m0300,
  m0310,
  m0320,
  m0330,
];
