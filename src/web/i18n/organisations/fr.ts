import type { organisationsKo } from './ko.ts';

export const organisationsFr: Record<keyof typeof organisationsKo, string> = {
  orgNav: 'Organisations',
  orgTitle: 'Organisations',
  orgLead: 'Les organisations qui prennent part aux zones, avec leur type. Le code d’un ministère compétent doit être le code de ministère du catalogue des réglementations ; il décide des preuves de démonstration de quelles dérogations le ministère peut lire.',
  orgCaption: 'Organisations',
  orgColName: 'Nom',
  orgColKind: 'Type',
  orgColMinistry: 'Code de ministère',
  orgKind_ministry: 'Ministère des PME et des start-up',
  orgKind_local_government: 'Collectivité locale',
  orgKind_company: 'Entreprise',
  orgKind_expert: 'Expert',
  orgKind_responsible_ministry: 'Ministère compétent',
  orgMinistryLabel: 'Code de ministère de {name}',
  orgMinistryNone: 'Aucun',
  orgSave: 'Enregistrer',
  orgSaved: 'Le code de ministère de {name} est désormais {code}.',
  orgOnlyAdmin: 'Seul un administrateur du ministère des PME et des start-up peut changer les codes de ministère.',
};
