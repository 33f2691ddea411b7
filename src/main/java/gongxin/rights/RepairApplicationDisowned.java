package gongxin.rights;

/**
 * The determining department found that a repair application was not made by the subject (notSubject; issue 25,
 * finding 3): the credit commitment made in it is not the subject's and is withdrawn from its commitments.
 *
 * @param department the department that decided it
 */
public record RepairApplicationDisowned(String applicationNumber, String department, String reason) {
}
