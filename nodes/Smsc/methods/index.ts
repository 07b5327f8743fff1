import { getGroups, searchGroupNumbers, searchGroups } from './groups';
import { getSenderNames, searchSenderNames } from './senderNames';

export const loadOptions = { getGroups, getSenderNames };

export const listSearch = { searchGroups, searchGroupNumbers, searchSenderNames };
