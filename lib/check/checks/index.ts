import type { Check } from './check';
import notAReport from './not-a-report';
import partMissing from './part-missing';
import partTitle from './part-title';
import partOrder from './part-order';
import tableMissing from './table-missing';
import tableImage from './table-image';
import tableFormat from './table-format';
import sumMismatch from './sum-mismatch';
import cellInvalid from './cell-invalid';
import valueImplausible from './value-implausible';
import textTableMismatch from './text-table-mismatch';
import yearMismatch from './year-mismatch';
import deadline from './deadline';
import formatOutdated from './format-outdated';
import oldFormat from './old-format';
import contentMissing from './content-missing';
import carryoverMismatch from './carryover-mismatch';
import copiedText from './copied-text';
import cellsBlank from './cells-blank';
import templateText from './template-text';
import partEmpty from './part-empty';
import attachmentOnly from './attachment-only';
import scannedFile from './scanned-file';
import figureJump from './figure-jump';

/** Every check the engine runs, in the order their findings are listed. */
export const checks: readonly Check[] = [
  notAReport,
  scannedFile,
  attachmentOnly,
  formatOutdated,
  oldFormat,
  partMissing,
  partEmpty,
  templateText,
  partTitle,
  partOrder,
  tableMissing,
  tableImage,
  tableFormat,
  sumMismatch,
  cellsBlank,
  cellInvalid,
  valueImplausible,
  carryoverMismatch,
  textTableMismatch,
  yearMismatch,
  deadline,
  contentMissing,
  copiedText,
  figureJump,
];

export type { Check } from './check';
