import type { IDataObject } from 'n8n-workflow';

/** The fields of an HLR result (SMSC SMPP page, "Отправка HLR-запроса"). */
export const HLR_FIELDS = ['imsi', 'msc', 'mcc', 'mnc', 'cn', 'net', 'rcn', 'rnet'];

/**
 * The HLR fields of a status answer or callback, decoded: "string data such as country and
 * operator are urlencoded" (SMSC SMPP page, "Отправка HLR-запроса"). Undefined when there are none.
 */
export function decodeHlr(row: IDataObject): IDataObject | undefined {
	if (!HLR_FIELDS.some((field) => row[field] !== undefined)) return undefined;
	const hlr: IDataObject = {};
	for (const field of HLR_FIELDS) {
		if (row[field] === undefined || row[field] === null) continue;
		const value = String(row[field]);
		try {
			hlr[field] = decodeURIComponent(value.replace(/\+/g, ' '));
		} catch {
			hlr[field] = value;
		}
	}
	return hlr;
}
