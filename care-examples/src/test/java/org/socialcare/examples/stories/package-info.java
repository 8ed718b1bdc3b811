/**
 * The stories the demo must tell (issue 8), each an end-to-end test over Northbank's setup
 * ({@link org.socialcare.examples.demo.BankSetup}) with in-memory storage and a simulated clock; platform
 * stories run the real adapters (twitter4j, restfb) over HTTP against the local emulators.
 *
 * <ol>
 *   <li>{@link org.socialcare.examples.stories.OnHoldCustomerStoryTest}: on hold 40 minutes, public answer, DM, callback, resolved (Twitter).
 *   <li>{@link org.socialcare.examples.stories.FairTeamOfThirtyStoryTest}: 30 agents, 320 conversations, fair by capacity and skills.
 *   <li>{@link org.socialcare.examples.stories.HarshCommentStaysVisibleStoryTest}: a harsh page comment is answered, not hidden (Facebook webhook).
 *   <li>{@link org.socialcare.examples.stories.InfluencerComplaintStoryTest}: an influencer's complaint jumps the queue to a supervisor.
 *   <li>{@link org.socialcare.examples.stories.BusinessUnitStreamsStoryTest}: cards and online-banking streams, FAQ links (Twitter).
 *   <li>{@link org.socialcare.examples.stories.OneToManyPublicAnswersStoryTest}: two care accounts, public answers on each timeline (Twitter).
 *   <li>{@link org.socialcare.examples.stories.ChannelKindsRoutingStoryTest}: brand, care, business-unit and individual agent accounts.
 *   <li>{@link org.socialcare.examples.stories.FacebookModerationStoryTest}: abuse, scams and card numbers hidden, criticism kept (Facebook).
 *   <li>{@link org.socialcare.examples.stories.HijackedAccountStoryTest}: kill switch on a hijacked account; inactive accounts in the report (Twitter).
 * </ol>
 *
 * <p>Disabled tests show defects found while writing the stories; their reasons name the defect.
 */
package org.socialcare.examples.stories;
