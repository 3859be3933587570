/**
 * Area notice pages. The coordinator's (`/coordinator/notices`, desktop): every notice with how
 * many members it reaches and how many opened it, a form to publish one for a prefecture or a
 * municipality (where members live, plan to move, or either; optionally some stages or children's
 * ages), and taking one down. Hers: the current notices for her places on her home page
 * (`NoticeList`), and one notice on its own page (`/notices/:id`), whose opening is counted once.
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
import { japanDate, japanDay } from '../shared/japan-time.ts';
import {
  type MemberNotice,
  NOTICE_AUDIENCES,
  type NoticeAudience,
  NoticeInputSchema,
  type StaffNotice,
} from './notice.schemas.ts';

/** Her current notices, for the top of her home page; nothing when there are none. */
export function NoticeList(props: { view: View; items: MemberNotice[] }) {
  const { view, items } = props;
  if (items.length === 0) return null;
  const w = view.m.outreach.notices;
  return (
    <section class="card notices" aria-labelledby="area-notices">
      <h2 id="area-notices">{w.forYou}</h2>
      <ul class="list">
        {items.map((n) => (
          <li>
            <p class="card-title">
              <a href={`/notices/${n.id}`}>{n.title}</a>{' '}
              {!n.read && <span class="badge warn">{w.unread}</span>}
            </p>
            <p class="meta">
              {n.areas.map((a) => a.name).join('・')}・{w.until(n.validUntil)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function StaffNoticeItem(props: { view: View; notice: StaffNotice }) {
  const { view, notice } = props;
  const w = view.m.outreach.notices;
  const conditions = [
    w.audienceShort[notice.audience],
    notice.stages ? w.forStages(notice.stages.join('・')) : '',
    notice.childAges ? w.forAges(notice.childAges.min, notice.childAges.max) : '',
  ].filter(Boolean);
  return (
    <li class="card" id={`notice-${notice.id}`}>
      <h3 class="card-title">
        {notice.title}{' '}
        <span class={notice.current ? 'badge verified' : 'badge state'}>
          {notice.current ? w.states.current : w.states.ended}
        </span>
      </h3>
      <p class="meta">
        {notice.areas.map((a) => a.name).join('・')}・{conditions.join('・')}・
        {notice.withdrawnAt ? w.withdrawnOn(japanDay(notice.withdrawnAt)) : w.until(notice.validUntil)}
      </p>
      <p>
        <strong>{w.figures(notice.reached, notice.reads)}</strong>
      </p>
      {notice.current && (
        <PostForm view={view} action={`/coordinator/notices/${notice.id}/withdraw`} class="inline">
          <SubmitButton label={w.withdraw} secondary />
        </PostForm>
      )}
    </li>
  );
}

function StaffNoticesPage(props: {
  view: View;
  notices: StaffNotice[];
  prefectures: Option[];
  values: FormValues;
  errors: FieldErrors;
}) {
  const { view, values, errors } = props;
  const w = view.m.outreach.notices;
  const stage = view.m.coordinator.stageOf;
  return (
    <>
      <h1>{w.title}</h1>
      <p class="meta">{w.lead}</p>
      <div class="columns">
        <section aria-labelledby="notice-list">
          <h2 id="notice-list">{w.title}</h2>
          {props.notices.length === 0 ? (
            <p class="empty">{w.none}</p>
          ) : (
            <ul class="list">
              {props.notices.map((notice) => (
                <StaffNoticeItem view={view} notice={notice} />
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="new-notice">
          <h2 id="new-notice">{w.newNotice}</h2>
          <ErrorSummary view={view} errors={errors} />
          <PostForm view={view} action="/coordinator/notices">
            <TextField
              name="title"
              label={w.noticeTitle}
              maxlength={100}
              values={values}
              errors={errors}
              required
            />
            <TextField
              name="body"
              label={w.body}
              maxlength={2000}
              multiline
              values={values}
              errors={errors}
              required
            />
            <TextField
              name="link"
              label={w.link}
              hint={w.linkHint}
              maxlength={500}
              values={values}
              errors={errors}
            />
            <TextField
              name="validUntil"
              type="date"
              label={w.validUntil}
              values={values}
              errors={errors}
              required
            />
            <SelectField
              name="place.prefCode"
              label={w.prefecture}
              options={props.prefectures}
              placeholder=""
              values={values}
              errors={errors}
              required
            />
            <TextField
              name="place.name"
              label={w.municipality}
              hint={w.municipalityHint}
              values={values}
              errors={errors}
            />
            <ChoiceGroup
              name="audience"
              label={w.audience}
              options={NOTICE_AUDIENCES.map((a) => ({ value: a, label: w.audiences[a] }))}
              values={values}
              errors={errors}
            />
            <ChoiceGroup
              name="stages"
              label={w.stages}
              hint={w.stagesHint}
              options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: stage(n) }))}
              values={values}
              errors={errors}
              multiple
            />
            <div class="two">
              <TextField
                name="childAges.min"
                type="number"
                label={w.childAgeMin}
                hint={w.childAgesHint}
                values={values}
                errors={errors}
              />
              <TextField
                name="childAges.max"
                type="number"
                label={w.childAgeMax}
                values={values}
                errors={errors}
              />
            </div>
            <SubmitButton label={w.publish} />
          </PostForm>
        </section>
      </div>
    </>
  );
}

async function renderStaff(c: Context<AppEnv>, values: FormValues, errors: FieldErrors = {}) {
  const [notices, prefectures] = await Promise.all([
    c.var.services.notices.list(),
    prefectureOptions(c.var.services.areas),
  ]);
  return render(
    c,
    (view) => ({
      title: view.m.outreach.notices.title,
      wide: true,
      body: (
        <StaffNoticesPage
          view={view}
          notices={notices}
          prefectures={prefectures}
          values={values}
          errors={errors}
        />
      ),
    }),
    Object.keys(errors).length ? 422 : 200,
  );
}

/** The area code the form names: the municipality typed, or the whole prefecture when none was. */
async function placeOf(c: Context<AppEnv>, values: FormValues) {
  const typed = typedPlace(values, 'place');
  const place = await resolvePlace(c.var.services.areas, messagesOf(c), 'place', typed, {
    wholePrefecture: true,
  });
  return place.ok ? { ok: true as const, code: place.area.code } : place;
}

export const noticePages = newPageRouter()
  .get('/coordinator/notices', requirePage(ACCESS.publishNotices), (c) =>
    renderStaff(
      c,
      formValues({ audience: 'both', validUntil: japanDate(new Date(Date.now() + 30 * 86_400_000)) }),
    ),
  )
  .post('/coordinator/notices', requirePage(ACCESS.publishNotices), async (c) => {
    const values = await readForm(c);
    const m = messagesOf(c);
    const place = await placeOf(c, values);
    const stages = values.all('stages').map(Number);
    const min = values.number('childAges.min');
    const max = values.number('childAges.max');
    const link = values.text('link')?.trim();
    const input = validate(
      NoticeInputSchema,
      {
        title: values.text('title') ?? '',
        body: values.text('body') ?? '',
        ...(link ? { link } : {}),
        validUntil: values.text('validUntil') ?? '',
        areaCodes: place.ok ? [place.code] : ['000000'],
        audience: (values.text('audience') ?? 'both') as NoticeAudience,
        ...(stages.length ? { stages } : {}),
        ...(min !== undefined || max !== undefined
          ? { childAges: { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) } }
          : {}),
      },
      m,
    );
    const errors = { ...(input.ok ? {} : input.errors), ...(place.ok ? {} : { [place.field]: place.error }) };
    if (!input.ok || !place.ok) return renderStaff(c, values, errors);
    try {
      await c.var.services.notices.publish(requireActor(c), input.value);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, m);
      if (fieldErrors) return renderStaff(c, values, fieldErrors);
      throw error;
    }
    return redirectWithNotice(c, '/coordinator/notices', m.outreach.notices.published);
  })
  .post('/coordinator/notices/:id/withdraw', requirePage(ACCESS.publishNotices), async (c) => {
    await c.var.services.notices.withdraw(requireActor(c), c.req.param('id'));
    return redirectWithNotice(c, '/coordinator/notices', messagesOf(c).outreach.notices.withdrawn);
  })
  .get('/notices/:id', requirePage(ACCESS.ownNotices), async (c) => {
    const notice = await c.var.services.notices.open(requireActor(c), c.req.param('id'));
    return render(c, (view) => {
      const w = view.m.outreach.notices;
      return {
        title: notice.title,
        body: (
          <article>
            <h1>{notice.title}</h1>
            <p class="meta">
              {notice.areas.map((a) => a.name).join('・')}・{w.until(notice.validUntil)}
            </p>
            {notice.body.split('\n').map((line) => (
              <p>{line}</p>
            ))}
            {notice.link && (
              <p>
                <a href={notice.link} rel="noopener noreferrer" target="_blank">
                  {w.openLink}
                </a>
              </p>
            )}
            <p>
              <a href="/home">← {w.back}</a>
            </p>
          </article>
        ),
      };
    });
  });
