/**
 * The PBX's durable logs: Asterisk's CEL, realtime queue_log and CDR, which Asterisk
 * writes into PostgreSQL itself (schema {@code asterisk}, Flyway V70; samples in
 * {@code conf/asterisk/}), read to make the call records right wherever the live AMI link
 * missed something. Live AMI stays the fast path; these logs are read at node start,
 * after every AMI (re)connect and every minute over a sliding window, and by the sweeper
 * before it closes a call. They (a) create the records of calls AMI never showed, (b)
 * complete what a gap hid on known calls (answer, operator, queue exit, end, recording
 * file), (c) close calls that ended while we were away with the end the PBX logged, never
 * the reconnect time.
 *
 * <p>Rows become ordinary call events ({@code kz.line102.cti}) with
 * {@link kz.line102.cti.EventSource#LOGGED} (or {@code INFERRED}, below), handed to
 * {@code CallIntakeService.intake} like any other source. A call's id is
 * {@code CallId.derive(pbx, linkedid)}, as the bridge derives it from AMI's Linkedid, so
 * AMI and logs build one record; event ids are {@code EventId.derive(pbx, linkedid, type,
 * "log", ...)} of the rows' own content, so replays and two nodes change nothing. Facts AMI
 * reported live are not sent again; where both exist the record keeps the observed one.
 *
 * <h2>Figures and where they come from</h2>
 * <ul>
 * <li><b>Call</b>: one caller channel in an inbound context (CEL {@code CHAN_START} with
 *     {@code uniqueid = linkedid}); its {@code linkedid} is the call. Offer time, caller
 *     number and name, dialled number: that row ({@code eventtime}, {@code cid_num},
 *     {@code cid_name}, {@code exten}); from the CDR ({@code start}, {@code src},
 *     {@code dst}) when CEL has nothing.</li>
 * <li><b>Queued</b>: queue_log {@code ENTERQUEUE} ({@code time}, {@code queuename},
 *     position = {@code data3}); without queue_log rows, CEL {@code APP_START Queue}.</li>
 * <li><b>Answered, operator, wait, ring</b>: queue_log {@code CONNECT}: wait (hold) =
 *     {@code data1} s, ring = {@code data3} s, the operator is the phone of the answering
 *     leg ({@code data2} is its uniqueid; its CEL {@code channame} {@code PJSIP/1001-…}
 *     gives {@code 1001}, as AMI's member Interface does), else the member name. Without
 *     queue_log: the operator leg's CEL {@code ANSWER}, wait from {@code APP_START Queue}.</li>
 * <li><b>Talk, who hung up</b>: queue_log {@code COMPLETECALLER} / {@code COMPLETEAGENT}
 *     (hold {@code data1}, talk {@code data2} s; caller / agent); {@code TRANSFER}
 *     (talk {@code data4}). A PBX restart ({@code core restart now}) closes a call as
 *     {@code COMPLETEAGENT}, with CEL {@code HANGUP} {@code hangupsource} "".</li>
 * <li><b>Abandoned in queue</b>: queue_log {@code ABANDON} (position {@code data1},
 *     original position {@code data2}, wait {@code data3} s). {@code EXITWITHTIMEOUT},
 *     {@code EXITEMPTY}, {@code EXITWITHKEY}: left the queue (timed out).</li>
 * <li><b>Hung up before any queue</b> (in the greeting): no queue_log row at all; the
 *     call is its CEL rows (and CDR, {@code lastapp} Playback): offered and ended, no
 *     queue, recorded abandoned with no wait.</li>
 * <li><b>End</b>: the caller channel's CEL {@code HANGUP} ({@code eventtime}; Q.850 cause
 *     = {@code hangupcause} in {@code extra}); else {@code LINKEDID_END}; else the CDR's
 *     {@code end}. All logged.</li>
 * <li><b>Crashed call</b>: after a crash CEL never writes the end, the CDR is never
 *     inserted, queue_log has no {@code COMPLETE*}, and uniqueids restart at {@code .0},
 *     so nothing ever closes it. A call with no logged end and a queue_log
 *     {@code QUEUESTART} (written at every Asterisk start) after its last row is closed
 *     with an <em>inferred</em> end at its last logged row: the last moment it is known to
 *     have been up (the kill itself is logged nowhere; the restart time would count the
 *     time the PBX was down as talk).</li>
 * <li><b>Recording</b>: CEL {@code APP_START MixMonitor}: the file is its {@code appdata}
 *     (before any options). It is finished with the call's end (logged or inferred), so
 *     the recorder fetches it, a crash's torn file included.</li>
 * <li><b>Still up</b> (for the sweeper): rows, no logged end, no {@code QUEUESTART}
 *     after them, last row younger than {@code max-call-age}. A long quiet conversation
 *     writes nothing between {@code BRIDGE_ENTER} and {@code BRIDGE_EXIT}.</li>
 * </ul>
 * Times are the PBX's, in UTC (the samples set {@code usegmtime},
 * {@code queue_log_realtime_use_gmt} and the CDR {@code timezone}); CEL and queue_log
 * carry microseconds, CDR whole seconds. {@code RINGNOANSWER} is not used: it names the
 * member, not the phone AMI reports missed calls by.
 */
package kz.line102.callcenter.pbxlog;
