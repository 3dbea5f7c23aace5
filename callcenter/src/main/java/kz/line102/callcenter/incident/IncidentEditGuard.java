package kz.line102.callcenter.incident;

/**
 * Asked before any change to a card (edit, transition, call link), inside the change's
 * transaction with the card locked. Refuse by throwing a
 * {@link kz.line102.callcenter.app.ProblemException} (its status and code reach the
 * client). Every Spring bean of this type is consulted. Registration by the route is
 * not asked: a submitted card is always registered.
 */
public interface IncidentEditGuard {

    void beforeChange(Incident current, IncidentChange change);
}
