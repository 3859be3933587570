/**
 * Exchange meeting pages. The coordinator's (`/coordinator/meetings`, desktop): the meetings with
 * seats taken and the waiting list, a form to hold one, and each meeting's replies by name with
 * attendance. Hers (`/me/meetings`, phone): the meetings near her or online, her yes or no (or
 * cancel), her place on the waiting list, and — once she comes — the first names of the others
 * who come. `MeetingTeaser` puts the next ones on her home page.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  type Option,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
  Toggle,
} from '../../web/form-fields.tsx';
import {
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  formValues,
  readForm,
  validate,
} from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import { prefectureOptions, resolvePlace, typedPlace } from '../areas/place-field.tsx';
import { ACCESS } from '../shared/access.ts';
import { japanDate } from '../shared/japan-time.ts';
import {
  type MeetingDetail,
  MeetingInputSchema,
  type MemberMeeting,
  type StaffMeeting,
} from './meeting.schemas.ts';

function Facts(props: { view: View; meeting: StaffMeeting | MemberMeeting }) {
  const { view, meeting } = props;
  const w = view.m.outreach.meetings;
  return (
    <>
      <p class="meta">
        {w.when(meeting.heldOn, meeting.startTime, meeting.endTime)}・
        {meeting.online ? w.onlineLabel : [meeting.area?.name, meeting.place].filter(Boolean).join(' ')}
      </p>
      <ul class="badges">
        {meeting.childrenWelcome && <li class="badge">{w.childrenWelcomeBadge}</li>}
        {meeting.childcareProvided && <li class="badge">{w.childcareBadge}</li>}
        <li class="badge state">{w.seats(meeting.going, meeting.capacity, meeting.waiting)}</li>
      </ul>
    </>
  );
}

/** The next meetings for her, on her home page; nothing when there are none. */
export function MeetingTeaser(props: { view: View; items: MemberMeeting[] }) {
  const { view } = props;
  if (props.items.length === 0) return null;
  const w = view.m.outreach.meetings;
  return (
    <section class="card" aria-labelledby="meetings-near">
      <h2 id="meetings-near">{w.nearYou}</h2>
      <ul class="list">
        {props.items.slice(0, 2).map((m) => (
          <li>
            <p class="card-title">
              <a href={`/me/meetings#meeting-${m.id}`}>{m.title}</a>{' '}
              {m.myReply && <span class="badge verified">{w.states[m.myReply]}</span>}
            </p>
            <p class="meta">
              {w.when(m.heldOn, m.startTime, m.endTime)}・{m.online ? w.onlineLabel : m.area?.name}
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a href="/me/meetings">{w.seeMeetings}</a>
      </p>
    </section>
  );
}

function MemberMeetingItem(props: { view: View; meeting: MemberMeeting }) {
  const { view, meeting } = props;
  const w = view.m.outreach.meetings;
  const full = meeting.going >= meeting.capacity;
  return (
    <li class="card" id={`meeting-${meeting.id}`}>
      <h2 class="card-title">{meeting.title}</h2>
      <Facts view={view} meeting={meeting} />
      {meeting.description.split('\n').map((line) => (
        <p>{line}</p>
      ))}
      {meeting.myReply === 'going' && (
        <>
          <p class="notice">{w.going}</p>
          <h3>{w.others}</h3>
          <p>
            {meeting.participants.length
              ? meeting.participants.map((n) => `${n}さん`).join('、')
              : w.othersNone}
          </p>
          <p class="hint">{w.othersHint}</p>
        </>
      )}
      {meeting.myReply === 'waiting' && <p class="notice">{w.waitingAt(meeting.waitingPosition ?? 1)}</p>}
      {meeting.myReply === 'not_going' && <p class="meta">{w.notGoing}</p>}
      {meeting.myReply === null && full && <p class="meta">{w.full}</p>}
      <PostForm view={view} action={`/me/meetings/${meeting.id}/reply`} class="actions">
        {(meeting.myReply === null || meeting.myReply === 'not_going') && (
          <SubmitButton label={w.yes} name="answer" value="yes" />
        )}
        {meeting.myReply === null && <SubmitButton label={w.no} name="answer" value="no" secondary />}
        {(meeting.myReply === 'going' || meeting.myReply === 'waiting') && (
          <SubmitButton label={w.cancel} name="answer" value="no" secondary />
        )}
      </PostForm>
    </li>
  );
}

function StaffMeetingsPage(props: {
  view: View;
  meetings: StaffMeeting[];
  prefectures: Option[];
  values: FormValues;
  errors: FieldErrors;
}) {
  const { view, values, errors } = props;
  const w = view.m.outreach.meetings;
  const stage = view.m.coordinator.stageOf;
  return (
    <>
      <h1>{w.title}</h1>
      <p class="meta">{w.staffLead}</p>
      <div class="columns">
        <section aria-labelledby="meeting-list">
          <h2 id="meeting-list">{w.title}</h2>
          {props.meetings.length === 0 ? (
            <p class="empty">{w.none}</p>
          ) : (
            <ul class="list">
              {props.meetings.map((m) => (
                <li class="card">
                  <h3 class="card-title">
                    <a href={`/coordinator/meetings/${m.id}`}>{m.title}</a>
                  </h3>
                  <Facts view={view} meeting={m} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="new-meeting">
          <h2 id="new-meeting">{w.newMeeting}</h2>
          <ErrorSummary view={view} errors={errors} />
          <PostForm view={view} action="/coordinator/meetings">
            <TextField
              name="title"
              label={w.meetingTitle}
              maxlength={100}
              values={values}
              errors={errors}
              required
            />
            <TextField
              name="description"
              label={w.description}
              maxlength={2000}
              multiline
              values={values}
              errors={errors}
              required
            />
            <TextField name="heldOn" type="date" label={w.heldOn} values={values} errors={errors} required />
            <div class="two">
              <TextField name="startTime" label={w.startTime} values={values} errors={errors} required />
              <TextField name="endTime" label={w.endTime} values={values} errors={errors} required />
            </div>
            <Toggle name="online" label={w.online} values={values} />
            <SelectField
              name="place.prefCode"
              label={w.prefecture}
              options={props.prefectures}
              placeholder=""
              values={values}
              errors={errors}
            />
            <TextField
              name="place.name"
              label={w.municipality}
              hint={w.municipalityHint}
              values={values}
              errors={errors}
            />
            <TextField name="venue" label={w.place} maxlength={200} values={values} errors={errors} />
            <TextField
              name="capacity"
              type="number"
              label={w.capacity}
              values={values}
              errors={errors}
              required
            />
            <Toggle name="childrenWelcome" label={w.childrenWelcome} values={values} />
            <Toggle name="childcareProvided" label={w.childcareProvided} values={values} />
            <ChoiceGroup
              name="stages"
              label={w.stages}
              hint={w.stagesHint}
              options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: stage(n) }))}
              values={values}
              errors={errors}
              multiple
            />
            <SubmitButton label={w.publish} />
          </PostForm>
        </section>
      </div>
    </>
  );
}

function StaffMeetingPage(props: { view: View; detail: MeetingDetail }) {
  const { view, detail } = props;
  const w = view.m.outreach.meetings;
  return (
    <>
      <p class="meta">
        <a href="/coordinator/meetings">← {w.back}</a>
      </p>
      <h1>{detail.meeting.title}</h1>
      <Facts view={view} meeting={detail.meeting} />
      <h2>{w.replies}</h2>
      {detail.replies.length === 0 ? (
        <p class="empty">{w.noReplies}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{w.replies}</th>
              <th scope="col">{w.states.going}</th>
              <th scope="col">{w.attendance}</th>
            </tr>
          </thead>
          <tbody>
            {detail.replies.map((r) => (
              <tr>
                <td>
                  <a href={`/coordinator/members/${r.memberId}`}>{r.name}</a>
                </td>
                <td>{w.states[r.state]}</td>
                <td>
                  {r.state === 'going' && (
                    <PostForm
                      view={view}
                      action={`/coordinator/meetings/${detail.meeting.id}/attendance`}
                      class="inline"
                    >
                      <input type="hidden" name="memberId" value={r.memberId} />
                      <span class="meta">
                        {r.attended === null ? w.notRecorded : r.attended ? w.attended : w.absent}
                      </span>{' '}
                      <SubmitButton label={w.attended} name="attended" value="yes" secondary />
                      <SubmitButton label={w.absent} name="attended" value="no" secondary />
                    </PostForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

async function renderStaff(c: Context<AppEnv>, values: FormValues, errors: FieldErrors = {}) {
  const [meetings, prefectures] = await Promise.all([
    c.var.services.meetings.list(),
    prefectureOptions(c.var.services.areas),
  ]);
  return render(
    c,
    (view) => ({
      title: view.m.outreach.meetings.title,
      wide: true,
      body: (
        <StaffMeetingsPage
          view={view}
          meetings={meetings}
          prefectures={prefectures}
          values={values}
          errors={errors}
        />
      ),
    }),
    Object.keys(errors).length ? 422 : 200,
  );
}

export const meetingPages = newPageRouter()
  .get('/coordinator/meetings', requirePage(ACCESS.runMeetings), (c) =>
    renderStaff(
      c,
      formValues({
        heldOn: japanDate(new Date(Date.now() + 14 * 86_400_000)),
        startTime: '10:00',
        endTime: '12:00',
        capacity: 20,
        childrenWelcome: true,
      }),
    ),
  )
  .post('/coordinator/meetings', requirePage(ACCESS.runMeetings), async (c) => {
    const values = await readForm(c);
    const m = messagesOf(c);
    const online = values.checked('online');
    const typed = typedPlace(values, 'place');
    const place =
      online && !typed.name ? undefined : await resolvePlace(c.var.services.areas, m, 'place', typed);
    const stages = values.all('stages').map(Number);
    const venue = values.text('venue')?.trim();
    const input = validate(
      MeetingInputSchema,
      {
        title: values.text('title') ?? '',
        description: values.text('description') ?? '',
        heldOn: values.text('heldOn') ?? '',
        startTime: values.text('startTime') ?? '',
        endTime: values.text('endTime') ?? '',
        online,
        ...(place?.ok ? { areaCode: place.area.code } : {}),
        ...(venue ? { place: venue } : {}),
        capacity: values.number('capacity'),
        childrenWelcome: values.checked('childrenWelcome'),
        childcareProvided: values.checked('childcareProvided'),
        ...(stages.length ? { stages } : {}),
      },
      m,
    );
    const placeErrors = place && !place.ok ? { [place.field]: place.error } : {};
    const errors = { ...(input.ok ? {} : input.errors), ...placeErrors };
    // The schema names a missing area `areaCode`; on the form it is the municipality field.
    if (errors.areaCode) {
      errors['place.name'] ??= errors.areaCode;
      delete errors.areaCode;
    }
    if (errors.place) {
      errors.venue = errors.place;
      delete errors.place;
    }
    if (!input.ok || Object.keys(errors).length) return renderStaff(c, values, errors);
    try {
      const meeting = await c.var.services.meetings.publish(requireActor(c), input.value);
      return redirectWithNotice(c, `/coordinator/meetings/${meeting.id}`, m.outreach.meetings.published);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, m);
      if (fieldErrors) return renderStaff(c, values, fieldErrors);
      throw error;
    }
  })
  .get('/coordinator/meetings/:id', requirePage(ACCESS.runMeetings), async (c) => {
    const detail = await c.var.services.meetings.detail(c.req.param('id'));
    return render(c, (view) => ({
      title: detail.meeting.title,
      wide: true,
      body: <StaffMeetingPage view={view} detail={detail} />,
    }));
  })
  .post('/coordinator/meetings/:id/attendance', requirePage(ACCESS.runMeetings), async (c) => {
    const values = await readForm(c);
    const id = c.req.param('id');
    await c.var.services.meetings.attendance(
      requireActor(c),
      id,
      values.text('memberId') ?? '',
      values.text('attended') === 'yes',
    );
    return redirectWithNotice(
      c,
      `/coordinator/meetings/${id}`,
      messagesOf(c).outreach.meetings.attendanceSaved,
    );
  })
  .get('/me/meetings', requirePage(ACCESS.ownMeetings), async (c) => {
    const meetings = await c.var.services.meetings.mine(requireActor(c));
    return render(c, (view) => {
      const w = view.m.outreach.meetings;
      return {
        title: w.title,
        body: (
          <>
            <h1>{w.title}</h1>
            <p class="meta">{w.memberLead}</p>
            {meetings.length === 0 ? (
              <p class="empty">{w.memberNone}</p>
            ) : (
              <ul class="list">
                {meetings.map((meeting) => (
                  <MemberMeetingItem view={view} meeting={meeting} />
                ))}
              </ul>
            )}
          </>
        ),
      };
    });
  })
  .post('/me/meetings/:id/reply', requirePage(ACCESS.ownMeetings), async (c) => {
    const values = await readForm(c);
    const id = c.req.param('id');
    await c.var.services.meetings.reply(requireActor(c), id, values.text('answer') === 'yes' ? 'yes' : 'no');
    return redirectWithNotice(c, `/me/meetings#meeting-${id}`, messagesOf(c).outreach.meetings.replied);
  });
