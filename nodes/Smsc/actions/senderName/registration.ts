import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FormFile } from '../../../shared/transport/body';
import { emptyField, inRange, outOfRange } from '../../../shared/smsc/rules';
import { refuseItem } from '../itemErrors';

/**
 * Registering a name for Ukraine or Belarus (SMSC page "Управление именами отправителей"): `ua_reg`
 * (national traffic) or `ua_int` (international) with the company's `fio inn site email address
 * desc subj`; `by_reg` or `by_int` with `by_fio by_inn by_address by_ocup by_type by_mes by_site`,
 * `by_ocup` numbered 1 to 19 and `by_type` 1 to 3.
 */
const UA_FIELDS: Array<[string, string, string]> = [
	['fio', 'Legal Name', 'The legal name of the organisation (LLC or sole trader)'],
	['inn', 'EDRPOU / Tax Number', 'The EDRPOU code or tax number'],
	['site', 'Website', 'The website or a social network page'],
	['email', 'Contact E-Mail', 'An e-mail address for contact'],
	['address', 'Address', 'The actual address'],
	['desc', 'Services', 'What the sender offers'],
	['subj', 'Purpose', 'What the messages are about'],
];
const BY_FIELDS: Array<[string, string, string]> = [
	['by_fio', 'Company Name', 'The name of the company'],
	['by_inn', 'UNP / Tax Number', 'The UNP or tax number'],
	['by_address', 'Company Address', 'The address of the company'],
	['by_mes', 'Sample Message', 'An example of a message'],
	['by_site', 'Website', 'The website'],
];
const BY_NUMBERS: Array<[string, string, string, number]> = [
	[
		'by_ocup',
		'Field of Activity',
		'The field of activity, numbered 1 to 19 as SMSC lists them',
		19,
	],
	['by_type', 'Mailing Type', 'The type of mailing, numbered 1 to 3 as SMSC lists them', 3],
];
/** "jpg, tif, pdf, png, zip, rar", at most 3 MB (SMSC page "Управление именами отправителей"). */
const DOCUMENT_TYPES = ['jpg', 'jpeg', 'tif', 'tiff', 'pdf', 'png', 'zip', 'rar'];
const MAX_DOCUMENT_BYTES = 3 * 1024 * 1024;

/** A country's registration: the tariff flags SMSC takes (national, international) and the company fields. */
interface Country {
	label: string;
	tariffs: [string, string];
	text: Array<[string, string, string]>;
	numbers: Array<[string, string, string, number]>;
}

const COUNTRIES: Record<'ukraine' | 'belarus', Country> = {
	ukraine: { label: 'Ukraine', tariffs: ['ua_reg', 'ua_int'], text: UA_FIELDS, numbers: [] },
	belarus: {
		label: 'Belarus',
		tariffs: ['by_reg', 'by_int'],
		text: BY_FIELDS,
		numbers: BY_NUMBERS,
	},
};

/**
 * One country's Registration collection: the tariff, then the company fields, from COUNTRIES. The
 * Tariff's default is one of its options by construction; n8n's lint skips a computed default.
 */
function countryCollection(name: keyof typeof COUNTRIES): INodeProperties {
	const {
		label,
		tariffs: [national, international],
		text,
		numbers,
	} = COUNTRIES[name];
	return {
		displayName: `${label} Registration`,
		name,
		type: 'fixedCollection',
		default: {},
		placeholder: `Add ${label} Registration`,
		description: `Register the name for ${label}; every company field is required`,
		options: [
			{
				displayName: 'Details',
				name: 'details',
				values: [
					{
						displayName: 'Tariff',
						name: 'tariff',
						type: 'options',
						default: national,
						options: [
							{ name: 'National Traffic (Lower Price)', value: national },
							{ name: 'International Traffic', value: international },
						],
					},
					...text.map(([name, displayName, description]): INodeProperties => ({
						displayName,
						name,
						type: 'string',
						default: '',
						description,
					})),
					...numbers.map(([name, displayName, description, max]): INodeProperties => ({
						displayName,
						name,
						type: 'number',
						typeOptions: { minValue: 1, maxValue: max },
						default: 1,
						description,
					})),
				],
			},
		],
	};
}

/** The Additional Fields of Create for Ukraine, Belarus and the operators' document. */
export const registrationFields: INodeProperties[] = [
	countryCollection('ukraine'),
	countryCollection('belarus'),
	{
		displayName: 'Document (Binary Field)',
		name: 'document',
		type: 'string',
		default: '',
		placeholder: 'e.g. data',
		description:
			'The binary field of the input item holding a document for the operators (trademark certificate, domain certificate): jpg, tif, pdf, png, zip or rar, at most 3 MB',
	},
	{
		displayName: 'Document Description',
		name: 'documentInfo',
		type: 'string',
		default: '',
		description: 'A description of the attached document',
	},
];

export interface Registration {
	ukraine?: { details?: IDataObject };
	belarus?: { details?: IDataObject };
	document?: string;
	documentInfo?: string;
}

/** The registration parameters and the document of an item, checked before any request. */
export async function readRegistration(
	this: IExecuteFunctions,
	itemIndex: number,
	additional: Registration,
): Promise<{ params: IDataObject; files: FormFile[] }> {
	const fail = refuseItem(this, itemIndex);
	const params: IDataObject = {};
	for (const name of ['ukraine', 'belarus'] as const) {
		const details = additional[name]?.details;
		if (details) Object.assign(params, readCountry(COUNTRIES[name], details, fail));
	}
	const files: FormFile[] = [];
	const property = String(additional.document ?? '').trim();
	if (property !== '') {
		let binary;
		try {
			binary = this.helpers.assertBinaryData(itemIndex, property);
		} catch {
			fail(`The item has no binary field "${property}" to attach as the document.`);
		}
		const fileName = binary!.fileName ?? property;
		const type = (
			/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ??
			binary!.fileExtension ??
			''
		).toLowerCase();
		if (!DOCUMENT_TYPES.includes(type))
			fail(`The document "${fileName}" is not a jpg, tif, pdf, png, zip or rar file.`);
		const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		if (bytes.length > MAX_DOCUMENT_BYTES)
			fail(`The document "${fileName}" is larger than 3 MB, the most SMSC takes.`);
		// GUESS (docs/fidelity.md): the page names no form field for the document; `file` is assumed
		files.push({
			field: 'file',
			fileName,
			contentType: binary!.mimeType || 'application/octet-stream',
			bytes,
		});
	}
	const info = String(additional.documentInfo ?? '').trim();
	if (info !== '') {
		if (files.length === 0) fail('Document Description needs a Document.');
		params.doc_info = info;
	}
	return { params, files };
}

/** One country's tariff flag and company fields, every one required. */
function readCountry(
	{ label, tariffs, text, numbers }: Country,
	details: IDataObject,
	fail: (message: string) => never,
): IDataObject {
	const params: IDataObject = {};
	const tariff = String(details.tariff ?? tariffs[0]);
	if (!tariffs.includes(tariff))
		fail(`${label} Registration > Tariff "${tariff}" is not ${tariffs.join(' or ')}.`);
	params[tariff] = 1;
	for (const [name, displayName] of text) {
		const value = String(details[name] ?? '').trim();
		if (value === '') fail(emptyField(`${label} Registration > ${displayName}`));
		params[name] = value;
	}
	for (const [name, displayName, , max] of numbers) {
		const range = { min: 1, max, whole: true };
		if (!inRange(details[name], range))
			fail(outOfRange(`${label} Registration > ${displayName}`, details[name], range));
		params[name] = Number(details[name]);
	}
	return params;
}
