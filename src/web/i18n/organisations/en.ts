import type { organisationsKo } from './ko.ts';

export const organisationsEn: Record<keyof typeof organisationsKo, string> = {
  orgNav: 'Organisations',
  orgTitle: 'Organisations',
  orgLead: 'The organisations taking part in the zones, with their kind. A responsible ministry’s code must be the ministry code the regulation catalogue uses; it decides which exemptions’ demonstration evidence the ministry may read.',
  orgCaption: 'Organisations',
  orgColName: 'Name',
  orgColKind: 'Kind',
  orgColMinistry: 'Ministry code',
  orgKind_ministry: 'Ministry of SMEs and Startups',
  orgKind_local_government: 'Local government',
  orgKind_company: 'Company',
  orgKind_expert: 'Expert',
  orgKind_responsible_ministry: 'Responsible ministry',
  orgMinistryLabel: 'Ministry code of {name}',
  orgMinistryNone: 'None',
  orgSave: 'Save',
  orgSaved: 'The ministry code of {name} is now {code}.',
  orgOnlyAdmin: 'Only an administrator of the Ministry of SMEs and Startups can change ministry codes.',
};
