/**
 * Certification of employees under the model regulation (decree 1612 of 8 July 2005, as
 * amended in 2016): employees and their service history, when each is due ({@link
 * kz.line102.callcenter.certification.DueRules}, pure, every period a setting because the
 * decree's successor may change them), the stages of a certification with their results,
 * commissions and their quorum, the decisions the regulation allows, the due list with
 * its daily reminders (through the alert module) and the page {@code /certification}.
 * Who acts is checked twice: the URL table (the personnel service is {@code PERSONNEL}) and,
 * inside a case, {@link kz.line102.callcenter.certification.CommissionRoles} (the commission's
 * members vote, its secretary records the meeting, never the employee of the case); who may sit
 * on a commission at all is {@link kz.line102.callcenter.certification.CommissionComposition}'s
 * to say (officers the centre knows, none below the employee certified), each composition kept
 * as a version ({@code certification_commission_versions}). The
 * employee reads their own file ({@link kz.line102.callcenter.certification.OwnFileService},
 * {@code /certification/mine}) through the account linked to them.
 * Its API is {@code /api/v1/certification}; its tables are {@code certification_*}.
 */
package kz.line102.callcenter.certification;
