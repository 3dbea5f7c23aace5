package kz.line102.callcenter.incident;

/** The legal kind of a message: which book and which procedure it goes on to. */
public enum IncidentCategory {
    CRIMINAL_OFFENCE, ADMINISTRATIVE_OFFENCE, INCIDENT, OTHER
}
