import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SmsEstimate } from '../../shared/smsc/sms';
import type { ChannelItem } from './channelReaders';
import type { Channel, ChannelRow } from './channels';
import type { ItemParameters } from './itemParameters';

/** Send's Bulk Options (bulkOptions.ts): how the run is packed and paced, and the raw answer. */
export interface BulkOptions {
	batchSize?: number;
	batching?: boolean;
	concurrency?: number;
	rawResponse?: boolean;
}

export interface SendOptions {
	clientId?: string;
	comment?: string;
	costReport?: number;
	delayMinutes?: number;
	freq?: number;
	hourWindow?: string;
	maxParts?: number;
	period?: number;
	perRecipient?: boolean;
	sendAt?: string;
	sender?: string | IDataObject;
	shortenLinks?: boolean;
	translit?: number;
	tz?: string | number;
	valid?: string | number;
	fileUrl?: string;
	wrongNumbers?: boolean;
	userIp?: string;
	captchaCode?: string;
	confirmEveryDays?: number;
}

/** A file of the item's binary data that goes with the message, read only when the request is made. */
export interface Attachment {
	/** the item's binary field */
	property: string;
	fileName: string;
	contentType: string;
}

/** One input item, checked and turned into what send.php needs. */
export interface PreparedMessage {
	itemIndex: number;
	channel: Channel;
	/** recipients exactly as they go to SMSC (`G<n>` for a group) */
	recipients: string[];
	/** recipientKey() of each recipient, to pair SMSC's per-phone results with items */
	keys: string[];
	group?: string;
	/** `mes` as sent, comment included; '' for channels without text */
	mes: string;
	/** `mes` as bytes rather than text (bin=1): sent percent-encoded byte by byte instead of `mes` */
	mesBytes?: Buffer;
	/** files sent in a multipart body; such an item never shares a `list` request */
	attachments: Attachment[];
	sender: string;
	/** request-wide send.php parameters except phones, mes, sender, list and cost/op */
	params: IDataObject;
	/** equal keys → the items may share one `list` request */
	batchKey: string;
	/** false when the item cannot be written as a `list` line and must go alone */
	batchable: boolean;
	estimate?: SmsEstimate;
	costReport: number;
	perRecipient: boolean;
	rawResponse: boolean;
}

/** What the readers of one item share: its parameters, its channel row and how to refuse it. */
export interface ItemReader extends ChannelItem {
	context: IExecuteFunctions;
	parameters: ItemParameters;
	itemIndex: number;
	channel: Channel;
	row: ChannelRow;
	options: SendOptions;
}
