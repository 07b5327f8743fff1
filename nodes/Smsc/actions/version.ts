import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Version 2 of the SMSC node changed what some operations output (docs/smsc-node.md, "Versions"):
 * phones as "+" and digits, times as ISO 8601 with the zone, SMSC's raw values under `raw`, no
 * per-item note in bulk output, an unknown message an item error. Workflows saved with version 1
 * keep version 1's output, so their expressions keep working.
 */
export function outputsV2(context: Pick<IExecuteFunctions, 'getNode'>): boolean {
	return context.getNode().typeVersion >= 2;
}
