import type { deadlinesKo } from './ko.ts';

export const deadlinesFr: Record<keyof typeof deadlinesKo, string> = {
  dlTitle: 'Échéances des dérogations',
  dlLead: 'Échéances de dérogations dépassées ou à moins de {days} jours. Le MSS et les ministères compétents voient toutes les dérogations, une collectivité celles de ses zones, une entreprise celles qu’elle détient.',
  dlNone: 'Aucune échéance ne demande votre attention pour l’instant.',
  dlSummary: '{overdue} en retard · {closed, plural, one {# fenêtre de demande close} other {# fenêtres de demande closes}} · {dueSoon, plural, one {# proche} other {# proches}}',
  dlCaption: 'Échéances de dérogations à traiter',
  dlColExemption: 'Dérogation',
  dlColZone: 'Zone',
  dlColWhat: 'Échéance',
  dlColDue: 'Date',
  dlColStatus: 'État',
  dlKindExtensionWindow: 'Fin des demandes de prolongation ou de modification de la loi (2 mois avant l’expiration)',
  dlKindExpiry: 'Fin de validité',
  dlKindResultsReport: 'Rapport des résultats de la démonstration (30 jours après l’expiration)',
  dlKindAmendmentPlan: 'Plan de modification de la loi (60 jours après l’examen)',
  dlStatusOverdue: '{days, plural, one {# jour de retard} other {# jours de retard}}',
  dlStatusClosed: 'Fenêtre de demande close — la dérogation prend fin à l’expiration',
  dlStatusDueSoon: '{days, plural, one {# jour restant} other {# jours restants}}',
  dlStatusToday: 'Échéance aujourd’hui',
};
